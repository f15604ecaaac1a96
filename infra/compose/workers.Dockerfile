# The Lodestone stage workers (and the CLI, the API): Node.js 22 LTS, no dev dependencies.
# workers.Dockerfile.dockerignore keeps the host's node_modules out of `COPY . .`.
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
CMD ["npx", "lodestone", "workers"]
