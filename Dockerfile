# The playground for instructors: publish with the SDK, run on the ASP.NET runtime with python3 for the
# process engine, as a non-root user. SQLite in /data unless ConnectionStrings__Postgres is set.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# nodejs and npm bundle the heap graph's layout (src/Client/js) during the build.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 bubblewrap curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 playground \
 && mkdir -p /data && chown playground /data
WORKDIR /app
COPY --from=build /app .
USER playground
ENV ASPNETCORE_URLS=http://+:8080 \
    Playground__DataDirectory=/data
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Playground.Server.dll"]
