# CPU accounting shared by bench/run.sh and bench/two-nodes.sh (sourced, not run): clock ticks (user +
# system) of a process, of a process and its children, and the MariaDB server listening on $DB_PORT.
HZ=$(getconf CLK_TCK)
CORES=$(nproc)
proc_ticks() { [ -n "$1" ] && awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# tree_ticks PID: the process and its children (nginx's master and worker).
tree_ticks() {
  local t=0 p
  [ -n "$1" ] || { echo 0; return; }
  for p in "$1" $(cat "/proc/$1/task/$1/children" 2>/dev/null); do t=$(( t + $(proc_ticks "$p") )); done
  echo "$t"
}
# The server that listens on the database port (pidof alone may name another instance on the machine).
MARIADB_PID=$(ss -Hltnp "sport = :$DB_PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1 || true)
[ -n "$MARIADB_PID" ] || MARIADB_PID=$(pidof -s mariadbd 2>/dev/null || pidof -s mysqld 2>/dev/null || true)
[ -n "$MARIADB_PID" ] || echo "note: no MariaDB process found on this machine; its CPU share shows as 0"
