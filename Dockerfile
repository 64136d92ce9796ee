# Multi-stage build of the static denomwatch binary into a small non-root image.
# Build: docker build -t denomwatch .
# Run:   docker run --rm -v "$PWD/testdata:/data:ro" denomwatch recompute --round 9 --data /data/example-round-9.hex

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/denomwatch ./cmd/denomwatch

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/denomwatch /usr/local/bin/denomwatch
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/denomwatch"]
