# The Lodestone stage workers (and the CLI, the API): Node.js 22 LTS, no dev dependencies.
# workers.Dockerfile.dockerignore keeps the host's node_modules out of `COPY . .`.
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The command line built to plain JavaScript (workers/cli/cli-bundle.ts): a long-running
# process without tsx's compiler and loader hooks, ~11 MB smaller.
RUN npm run build
CMD ["node", "dist/lodestone.mjs", "workers"]
