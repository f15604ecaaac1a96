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
# glibc gives each thread that allocates its own malloc arena; a workers process has a dozen
# (stage threads, V8's helpers, libuv's pool). Two arenas: a workers process peaked 288 / 299 MB
# against 303 / 306 MB over 1,000 files on the bench machine, for no measurable CPU.
ENV MALLOC_ARENA_MAX=2
CMD ["node", "dist/lodestone.mjs", "workers"]
