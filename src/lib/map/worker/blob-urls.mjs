// Loaded into MapLibre's workers (`importScriptInWorkers`, see `blob-urls.ts`): they fetch and
// parse the app's Blob URLs themselves. Without it MapLibre sends any URL that is not http(s) to
// the page, which fetches it, parses the JSON and copies the result back to the worker: seconds of
// main-thread work for a big imported layer. Self-contained (no imports): served as it is.
const load = async (params, abortController) => {
  const response = await fetch(params.url, { signal: abortController.signal });
  if (!response.ok) throw new Error(`${params.url}: ${response.status}`);
  const data = params.type === 'json' ? await response.json() : params.type === 'string' ? await response.text() : await response.arrayBuffer();
  return { data };
};
// MapLibre keys protocols by what comes before "://": "blob:http" for blob:http://host/uuid.
self.addProtocol('blob:http', load);
self.addProtocol('blob:https', load);
