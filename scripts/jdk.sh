# Sourced by .ci/run and scripts/compose-smoke.sh: makes JAVA_HOME a JDK 21 or newer. Keeps a
# JAVA_HOME or a default `javac` that is new enough; else takes the one of /usr/lib/jvm (where
# Debian and the Temurin packages keep their JVMs) with the highest feature version; else stops,
# saying so.
jdk_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk_ok() { [ -x "$1/bin/javac" ] && [ "$(jdk_feature "$1")" -ge 21 ] 2>/dev/null; }
decoop_jdk=""
by_feature() { for jdk in "$@"; do [ -x "$jdk/bin/java" ] && echo "$(jdk_feature "$jdk") $jdk"; done | sort -rn | cut -d' ' -f2-; }
for candidate in "${JAVA_HOME:-}" \
                 "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
                 $(by_feature /usr/lib/jvm/*); do
  if [ -n "$candidate" ] && jdk_ok "$candidate"; then decoop_jdk="$candidate"; break; fi
done
if [ -z "$decoop_jdk" ]; then
  echo "decoop needs a JDK 21 or newer: set JAVA_HOME to one (none found in JAVA_HOME, on the PATH or in /usr/lib/jvm)." >&2
  exit 1
fi
export JAVA_HOME="$decoop_jdk"
export PATH="$JAVA_HOME/bin:$PATH"
echo "JDK: $JAVA_HOME ($(jdk_feature "$JAVA_HOME"))"
