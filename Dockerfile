# Kindred's container image, from the jar the build made (./mvnw -DskipTests package), so that the image holds what
# was built and tested. The jar is unpacked into its layers (Spring Boot's jarmode tools): the dependencies, which
# rarely change, lie in a layer of their own below the application's classes, so a new version pushes only a few MB.
#   ./mvnw -DskipTests package && docker build -t kindred .
# Configuration comes from the environment as for the jar (README, Configuration), e.g. docker run -p 8081:8080
# -e KINDRED_DB_URL=... -e SPRING_MAIL_HOST=... -e KINDRED_CREDENTIAL_SECRET=... kindred

FROM eclipse-temurin:25-jre AS layers
WORKDIR /build
COPY target/kindred-*.jar kindred.jar
RUN java -Djarmode=tools -jar kindred.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
# Not root: the application needs no privilege, and writes nothing but its log to standard output
RUN groupadd --system kindred && useradd --system --gid kindred --no-create-home --home-dir /app kindred
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER kindred
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
