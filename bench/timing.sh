# Shared by index.sh and report.sh (sourced): summarising repeated timed runs. The sourcing script
# defines run NAME COMMAND..., which times one run and sets WALL, CPU (s) and RSS (MiB).

# median NAME N COMMAND...: median wall and CPU over N runs (WALL, CPU), largest RSS.
median() {
  local name=$1 n=$2; shift 2
  local walls=() cpus=() rss=0
  for _ in $(seq "$n"); do
    run "$name" "$@"
    walls+=("$WALL"); cpus+=("$CPU"); [ "$RSS" -gt "$rss" ] && rss=$RSS
  done
  WALL=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  CPU=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RSS=$rss
}
# ratio A B: A / B as "1.23x", or "-" when B is 0.
ratio() { awk "BEGIN {if ($2 > 0) printf \"%.2fx\", $1 / $2; else print \"-\"}"; }
