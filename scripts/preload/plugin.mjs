// The opening view's code, fetched alongside the app's own. Each view is a lazy chunk that the app
// asks for once its entry has loaded and run (src/main.tsx, `preloadView`): on a cold load that
// was a wait of 100–350 ms after the entry's files had arrived. This plugin writes a small classic
// script, run before the entry, that adds `<link rel="modulepreload">` for the chunks of the view
// the address opens (the view's chunk and the chunks it imports that the entry does not; their
// stylesheets as `preload`, applied when the view is imported, as before), so the
// browser fetches and compiles them while it fetches the entry. Nothing is run early: the chunks
// are evaluated when the app imports them, in the same order as before. The script is a file of
// its own (the CSP allows no inline script) and the service worker precaches it with the rest.
import { createHash } from 'node:crypto';

/** Each view's module, as `viewOf` (src/app/router.ts) names the view its path opens. */
export const VIEW_MODULES = {
  overview: 'src/features/overview/OverviewView.tsx',
  calendar: 'src/features/calendar/CalendarView.tsx',
  route: 'src/features/route/RouteView.tsx',
  conflicts: 'src/features/conflicts/ConflictsView.tsx',
};

/** The files a chunk imports statically, itself included, transitively. */
function closure(bundle, fileName, into = new Set()) {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const f of chunk.imports) closure(bundle, f, into);
  return into;
}

/** The script's text: which files to preload for each view; an unknown path opens the overview. */
function preloadScript(files) {
  return `(function(){var f=${JSON.stringify(files)};var v=location.pathname.replace(/^\\/+/,'').split('/')[0];var l=f[v]||f.overview;for(var i=0;i<l.length;i++){var e=document.createElement('link');if(/\\.css$/.test(l[i])){e.rel='preload';e.as='style'}else e.rel='modulepreload';e.href=l[i];document.head.appendChild(e)}})();\n`;
}

/** @returns {import('vite').Plugin} */
export function viewPreloadPlugin() {
  let base = '/';
  return {
    name: 'summitry-view-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') return;
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
        if (!entry) return;
        const initial = closure(bundle, entry.fileName);
        const files = {};
        for (const [view, module] of Object.entries(VIEW_MODULES)) {
          const chunk = Object.values(bundle).find(
            (c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${module}`),
          );
          if (!chunk) this.error(`view-preload: no chunk for ${module}`);
          const chunks = [...closure(bundle, chunk.fileName)].filter((f) => !initial.has(f));
          const css = chunks.flatMap((f) => [...(bundle[f]?.viteMetadata?.importedCss ?? [])]);
          files[view] = [...chunks, ...new Set(css)].map((f) => base + f);
        }
        const source = preloadScript(files);
        const fileName = `assets/view-preload-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        const tag = `<script defer src="${base}${fileName}"></script>\n`;
        const text = String(html.source);
        const at = text.indexOf('<script type="module"');
        if (at < 0) this.error('view-preload: no module script in index.html');
        html.source = text.slice(0, at) + tag + '    ' + text.slice(at);
      },
    },
  };
}
