#!/usr/bin/env bash
# Runs the example application and shows its entries with journalctl.
# Uses the host's journald when one listens on /run/systemd/journal/socket; otherwise (containers,
# CI machines without systemd as PID 1) starts a private journald namespace instance for the demo,
# which needs root and the systemd package.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/journald4j-example.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }

socket=/run/systemd/journal/socket
journalctl_args=()
journald_pid=""
probe() { python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b"#\n", sys.argv[1])
PY
}
if ! probe "$socket"; then
  ns="journald4j-demo"
  printf '[Journal]\nRateLimitBurst=0\nMaxRetentionSec=1h\n' > "/etc/systemd/journald@$ns.conf"
  SYSTEMD_LOG_LEVEL=warning /lib/systemd/systemd-journald "$ns" >/dev/null 2>&1 &
  journald_pid=$!
  trap 'kill "$journald_pid" 2>/dev/null || true' EXIT
  socket="/run/systemd/journal.$ns/socket"
  for _ in $(seq 1 100); do probe "$socket" && break; sleep 0.05; done
  journalctl_args=(--namespace="$ns")
  echo "No journald on /run/systemd/journal/socket: using a private journald namespace '$ns'."
fi

java -Djournald4j.socket="$socket" -jar "$jar"
sleep 0.5
echo
echo "journalctl ${journalctl_args[*]} -o verbose SYSLOG_IDENTIFIER=orders USER_ID=42 (newest 4):"
journalctl "${journalctl_args[@]}" --no-pager -o verbose -n 4 SYSLOG_IDENTIFIER=orders USER_ID=42
