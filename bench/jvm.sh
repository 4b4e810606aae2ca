# The JDK, JVM options and keys every bench script runs the portal with (sourced, not run, from the
# repository's root): bench/run.sh, bench/two-nodes.sh, bench/growth.sh, bench/floor.sh, bench/stats-cache.sh.
# Sets JAVA, JBIN, JAVA_MAJOR, SMALL_JVM_OPTS, BENCH_KEYS and BENCH_HMAC; exports JAVA_HOME and MALLOC_ARENA_MAX.

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -n "${JAVA_HOME:-}" ]; then export JAVA_HOME; JAVA=$JAVA_HOME/bin/java; else JAVA=$(command -v java); fi
JBIN=$(dirname "$JAVA")
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

# The JVM options README recommends for a small deployment (one school district on a 2-core, 1 GB host):
# serial GC and a capped heap that keeps little free room after a full collection (the old generation grows
# on demand between them, so the tight fit costs no extra collections: bench/findings.md, round 10), small
# thread stacks and code cache. Native heap trimming returns glibc's freed memory (C2 compiler arenas,
# mostly) to the system (JDK 21.0.4+); compact object headers (JDK 25+) shrink every object on the heap.
SMALL_JVM_OPTS="-XX:+UseSerialGC -Xms64m -Xmx192m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000"
[ "${JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null && SMALL_JVM_OPTS="$SMALL_JVM_OPTS -XX:+UseCompactObjectHeaders"
# glibc's per-thread malloc arenas are a large part of a JVM's RSS on a many-threaded server; README sets 2.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# Fixed bench keys: 32 bytes each, committed on purpose, never to be used for real data. Every node of a
# run shares them (README, "Several nodes").
BENCH_KEYS='k1:YmVuY2gtb25seSBrZXk6IG5ldmVyIHJlYWwgZGF0YSE='
BENCH_HMAC='YmVuY2gtb25seSBobWFjIHNlY3JldCwgbmV2ZXIgZm9yIHJlYWwgZGF0YQ=='
