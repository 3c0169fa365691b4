# Kindred's container image, from the jar the build made (./mvnw -DskipTests package), so that the image holds what
# was built and tested. The jar is unpacked into its layers (Spring Boot's jarmode tools): the dependencies, which
# rarely change, lie in a layer of their own below the application's classes, so a new version pushes only a few MB.
#   ./mvnw -DskipTests package && docker build -t kindred .
# Configuration comes from the environment as for the jar (README, Configuration), e.g. docker run -p 8081:8080
# -e KINDRED_DB_URL=... -e SPRING_MAIL_HOST=... -e KINDRED_CREDENTIAL_SECRET=... kindred
#
# The image also holds a JDK AOT cache (JEP 483/514/515): the classes Kindred loads while starting, already read,
# verified and linked, and the JIT's method profiles, from a training run at build time. It takes 40 % off the CPU a
# start of the unpacked jar spends, 55 % off that of java -jar (README, Start-up). The training run needs no database or mail server: it starts Kindred in development mode
# on an in-memory H2 database, without demo data, and stops once every bean is made (spring.context.exit=onRefresh),
# before it would serve. The cache holds classes and profiles, no data or settings, so the image starts as
# configured. It fits this image's JVM and class path only: the JVM ignores it (and starts as without it) otherwise.

FROM eclipse-temurin:25-jre AS layers
WORKDIR /build
COPY target/kindred-*.jar kindred.jar
# The application's jar with its dependencies in lib/ beside it (no launcher): the layout the AOT cache applies to
RUN java -Djarmode=tools -jar kindred.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
# Not root: the application needs no privilege, and writes nothing but its log to standard output
RUN groupadd --system kindred && useradd --system --gid kindred --no-create-home --home-dir /app kindred
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The training run (about a minute on 2 cores); the cache is the image's last layer, remade with each new jar
RUN SPRING_PROFILES_ACTIVE=dev KINDRED_DEMO=false KINDRED_DB_URL='jdbc:h2:mem:training;DB_CLOSE_DELAY=-1' \
    java -XX:AOTCacheOutput=kindred.aot -Dspring.context.exit=onRefresh -jar kindred.jar \
    && test -s kindred.aot
USER kindred
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=kindred.aot", "-jar", "kindred.jar"]
