import { inject } from 'vitest';

globalThis.__summitryBaseUrl = inject('baseUrl');
