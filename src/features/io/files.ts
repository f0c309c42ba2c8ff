/**
 * The browser edge of import: reading a chosen file with progress; and export's file names.
 * (Downloads go through src/components/download.ts: a Blob and an `a[download]` link.)
 */

/** Read a file as UTF-8 text, reporting bytes read. */
export function readFileText(file: Blob, onProgress?: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.readAsText(file, 'utf-8');
  });
}

/** `summitry-us-china-summitry-2025-26-2026-11-28` style base names. */
export function fileBaseName(label: string, nowIso: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `summitry-${slug || 'plan'}-${nowIso.slice(0, 10)}`;
}
