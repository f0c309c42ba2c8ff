/**
 * The browser edges of import and export: reading a chosen file with progress, and saving text
 * as a download through a Blob and an `a[download]` link (nothing leaves the machine).
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

/** Offer `text` as a download named `fileName`. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
