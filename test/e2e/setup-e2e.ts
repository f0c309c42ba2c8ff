import { inject } from 'vitest';

globalThis.__summitryBaseUrl = inject('baseUrl');
globalThis.__summitryFaultsUrl = inject('faultsUrl');
