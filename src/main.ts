import { mount } from 'svelte';
import App from './App.svelte';
import './styles/touch-controls.css';
import { registerSW } from 'virtual:pwa-register';

// Offline: the service worker (vite-plugin-pwa, autoUpdate) precaches the app and the data package.
// When a new version has taken over, the page reloads once so that its lazily loaded chunks match
// (drafts live in IndexedDB and the view in the URL, so nothing is lost).
if (import.meta.env.PROD && 'serviceWorker' in navigator) registerSW(); // after the load event

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
export default mount(App, { target });
