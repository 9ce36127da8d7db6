# One image for the gateway and the five subgraphs; the command picks which.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
# dist holds the console's pages and scripts too (scripts/build-console.ts).
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./dist/schema
# The reference data an operator replaces: territory and zone boundaries.
COPY --from=build /app/reference/*.json /app/reference/*.geojson ./dist/reference/
COPY package.json ./
USER node
CMD ["node", "dist/gateway/main.js"]
