# Multi-stage build of the static denomwatch binary into a small non-root image.
#
# Build (the version and commit are stamped into the binary and the labels):
#   docker build --build-arg VERSION=$(git describe --tags --always --dirty) \
#     --build-arg COMMIT=$(git rev-parse HEAD) -t denomwatch .
#
# Run (watch a public network; the index lives in the named volume, the API on port 8080):
#   # The key file must be readable by the image's user, uid 65532 (distroless
#   # "nonroot"): a file of yours, mode 0600, is not. Give it to that uid:
#   sudo install -d -m 0700 -o 65532 -g 65532 /srv/denomwatch/secrets
#   sudo install -m 0400 -o 65532 -g 65532 challenger.key /srv/denomwatch/secrets/challenger.key
#   docker run -d --name denomwatch -v denomwatch-data:/data -p 127.0.0.1:8080:8080 \
#     -e DENOMWATCH_RPC=wss://node.example/KEY -e DENOMWATCH_CONTRACT=0x... -e DENOMWATCH_START_BLOCK=N \
#     -e DENOMWATCH_CHAIN_ID=1 -e DENOMWATCH_CHALLENGER_KEY_FILE=/run/secrets/challenger.key \
#     -v /srv/denomwatch/secrets:/run/secrets:ro \
#     denomwatch run
#   docker inspect --format '{{.State.Health.Status}}' denomwatch   # the HEALTHCHECK below
# Check the index (read-only, even with the daemon's disk full): docker run --rm -v denomwatch-data:/data denomwatch check
# Dead letters of a daemon started with --admin-api: docker exec denomwatch denomwatch deadletters list
#
# Contract artifacts and bindings are committed, so the build needs Go modules only.

FROM golang:1.26-bookworm AS build
ARG VERSION=unknown
ARG COMMIT=unknown
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/denomwatch ./cmd/denomwatch \
 && /out/denomwatch --version \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=unknown
ARG COMMIT=unknown
LABEL org.opencontainers.image.title="denomwatch" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}"
COPY --from=build /out/denomwatch /usr/local/bin/denomwatch
# The data directory, owned by the non-root user, so that a fresh named
# volume mounted on it is writable.
COPY --from=build --chown=65532:65532 /out/data /data
ENV DENOMWATCH_DATA_DIR=/data \
    DENOMWATCH_API_ADDR=0.0.0.0:8080
VOLUME ["/data"]
# Relative paths (the embedded devnet's denomwatch-da/ and devnet.json, for
# `docker run ... run` without --rpc) land in the writable volume.
WORKDIR /data
EXPOSE 8080
USER nonroot:nonroot
# Ready: the watcher within --ready-lag of the head and the node not stalled
# (a frozen or syncing node makes the container unhealthy). The distroless
# image has no shell or curl: the binary asks its own API (on the loopback,
# the port of DENOMWATCH_API_ADDR). A first backfill of a long history can
# outlast the start period; `healthcheck` without --ready is liveness only.
HEALTHCHECK --interval=30s --timeout=10s --start-period=10m --retries=3 \
  CMD ["/usr/local/bin/denomwatch", "healthcheck", "--ready"]
ENTRYPOINT ["/usr/local/bin/denomwatch"]
