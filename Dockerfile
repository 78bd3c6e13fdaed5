# fivenets for runners without npm access (intranets): build the image where the npm registry
# is reachable, then carry it in (docker save / load, or a private registry).
#
#   docker build -t fivenets .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" fivenets lint policies/
#
# The image holds Node and the packed npm package only (no dependencies: they are bundled).

FROM node:20-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# prepack builds the production bundles.
RUN npm pack --pack-destination /tmp && mv /tmp/fivenets-*.tgz /tmp/fivenets.tgz

FROM node:20-bookworm-slim
COPY --from=pack /tmp/fivenets.tgz /tmp/fivenets.tgz
RUN npm install --global --offline --no-audit --no-fund /tmp/fivenets.tgz && rm /tmp/fivenets.tgz && npm cache clean --force
WORKDIR /work
ENTRYPOINT ["fivenets"]
CMD ["--help"]
