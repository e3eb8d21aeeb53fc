# Shared by ./huisu and ./run-tests: install what is missing, build what is stale.
# Sourced, not run. Everything here is idempotent and quiet when there is nothing to do.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$repo/huisu-cli/target/huisu"
stamp="$dist/.built"

say() { printf '%s\n' "$*" >&2; }

# apt packages by name; installs the ones dpkg does not know, as root or through sudo
need_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing ${missing[*]} (apt)…"
  if [ ! -f /tmp/.huisu-apt-updated ]; then
    $sudo apt-get update -qq >&2 && touch /tmp/.huisu-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

need_build_tools() {
  command -v java >/dev/null 2>&1 || need_apt openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || need_apt maven
}

# true when the distribution is missing or older than any pom or source file
dist_stale() {
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$repo" -path "$repo/.git" -prune -o -path '*/target' -prune -o \
      \( -name pom.xml -o -path '*/src/*' \) -newer "$stamp" -print -quit)" ]
}

build_dist() {
  need_build_tools
  if dist_stale; then
    say "building huisu (mvn package)…"
    local log="$repo/huisu-cli/target/build.log"
    mkdir -p "$(dirname "$log")"
    (cd "$repo" && mvn -B -ntp -Dstyle.color=never -DskipTests -pl huisu-cli -am package >"$log" 2>&1) || {
      tail -n 40 "$log" >&2
      say "the build failed (the whole log is $log); fix it, or run 'mvn -B -pl huisu-cli -am package' in $repo"
      exit 2
    }
    touch "$stamp"
  fi
  # Maven copies the launcher without its execute bit, whoever ran it last
  [ -x "$dist/bin/huisu" ] || chmod +x "$dist/bin/huisu"
}

# the face-detection models (npm and Debian packages, outside the repository): analysis looks
# for faces with them wherever there are images
need_models() {
  command -v npm >/dev/null 2>&1 || need_apt npm
  HUISU_MODELS="$("$repo/scripts/install-models")" \
    || say "the face-detection models could not be installed (see above); analysis falls back to the Haar cascade or skips faces"
  export HUISU_MODELS
}
