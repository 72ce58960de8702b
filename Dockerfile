# One image for the three roles; its command picks one:
#   web (default):  node --import tsx server/index.ts
#   worker:         node --import tsx tasks/worker.ts
#   copier:         node --import tsx copier/index.ts --target "$COPIER_TARGET_URL"
#   migrations:     node --import tsx db/migrate.ts   (as the tables' owner, before the others)
# Docker does not run on our machines: dev/production.sh runs these same steps (a fresh production
# install, the build, the three roles with production settings, one walk of the wizard), in CI too.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build ./build
COPY app ./app
COPY core ./core
COPY platform ./platform
COPY db ./db
COPY tasks ./tasks
COPY copier ./copier
COPY server ./server
COPY migrations ./migrations
COPY .gmrc tsconfig.json ./
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/index.ts"]
