# Build stage: the shaded jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
RUN mvn -B -ntp -q -DskipTests package

# Run stage: JRE only, non-root, data on a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app --shell /usr/sbin/nologin fivestar
WORKDIR /app
COPY --from=build /src/target/fivestar-bot.jar /app/fivestar-bot.jar
COPY index /app/index
COPY prompts /app/prompts
RUN mkdir -p /data && chown fivestar /data
USER fivestar
ENV FIVESTAR_DATA=/data
VOLUME ["/data"]
ENTRYPOINT ["java", "-jar", "/app/fivestar-bot.jar"]
CMD ["serve"]
