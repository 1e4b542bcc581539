# Needs BuildKit (the default of current Docker; DOCKER_BUILDKIT=1 on older engines), which builds
# only the stage JAR_SOURCE names.
# One Dockerfile for the three services and the gateway (they build and run the same way): pick one with
#   docker build --build-arg SERVICE=plan-service -t decoop/plan-service .
# By default the jar is built inside Docker from the sources. A CI that has already built the
# jars passes --build-arg JAR_SOURCE=prebuilt to take <service>/target/<service>.jar as it is.
ARG SERVICE=partnership-service
ARG JAR_SOURCE=source

# --- the jar, built from the sources with the Maven wrapper on a JDK
FROM eclipse-temurin:21-jdk AS source
ARG SERVICE
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY event-contracts/ event-contracts/
COPY platform/ platform/
COPY partnership-service/ partnership-service/
COPY plan-service/ plan-service/
COPY notification-service/ notification-service/
COPY gateway/ gateway/
COPY local-store/pom.xml local-store/pom.xml
COPY local-stack/pom.xml local-stack/pom.xml
# every module the root pom names must be there for Maven to read the reactor, though only SERVICE is built
COPY bench/pom.xml bench/pom.xml
COPY examples/follow-partnerships/pom.xml examples/follow-partnerships/pom.xml
RUN ./mvnw -B -q -pl ${SERVICE} -am -DskipTests package \
    && cp ${SERVICE}/target/${SERVICE}.jar /app.jar

# --- or the jar built beforehand on the host
FROM eclipse-temurin:21-jre AS prebuilt
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}.jar /app.jar

FROM ${JAR_SOURCE} AS jar

# --- Spring Boot's layers: dependencies change rarely, the application often
FROM eclipse-temurin:21-jre AS layers
COPY --from=jar /app.jar /app.jar
RUN java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /layers

# --- the runtime: a JRE, a non-root user, memory sized from the container's limit
FROM eclipse-temurin:21-jre
RUN groupadd --system decoop && useradd --system --gid decoop --home-dir /app --shell /usr/sbin/nologin decoop
WORKDIR /app
COPY --from=layers /layers/dependencies/ ./
COPY --from=layers /layers/spring-boot-loader/ ./
COPY --from=layers /layers/snapshot-dependencies/ ./
COPY --from=layers /layers/application/ ./
USER decoop
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
