/// <reference types="@remix-run/node" />
/// <reference types="vite/client" />

// Single fetch's types: a loader's data as the page receives it (turbo-stream keeps Dates, Maps...).
declare module '@remix-run/server-runtime' {
  interface Future {
    v3_singleFetch: true
  }
}
export {}
