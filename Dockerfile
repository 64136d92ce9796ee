# Multi-stage build of the static denomwatch binary into a small non-root image.
#
# Build: docker build -t denomwatch .
# Run (watch a public network; the index lives in the named volume, the API on port 8080):
#   docker run -d --name denomwatch -v denomwatch-data:/data -p 127.0.0.1:8080:8080 \
#     -e DENOMWATCH_RPC=wss://node.example/KEY -e DENOMWATCH_CONTRACT=0x... -e DENOMWATCH_START_BLOCK=N \
#     -e DENOMWATCH_CHALLENGER_KEY_FILE=/run/secrets/challenger.key \
#     -v "$PWD/challenger.key:/run/secrets/challenger.key:ro" \
#     denomwatch run
# Check the index (with the daemon stopped): docker run --rm -v denomwatch-data:/data denomwatch check
# Recompute a round file: docker run --rm -v "$PWD/testdata:/in:ro" denomwatch recompute --round 9 --data /in/example-round-9.hex
#
# Contract artifacts and bindings are committed, so the build needs Go modules only.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/denomwatch ./cmd/denomwatch \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/denomwatch /usr/local/bin/denomwatch
# The data directory, owned by the non-root user, so that a fresh named
# volume mounted on it is writable.
COPY --from=build --chown=65532:65532 /out/data /data
ENV DENOMWATCH_DATA_DIR=/data \
    DENOMWATCH_API_ADDR=0.0.0.0:8080
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/denomwatch"]
