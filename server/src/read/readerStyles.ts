/** The reader pages' stylesheet: essay typography, light and dark by preference. Served as a file so the CSP needs no inline styles. */
export const readerCss = `
:root { color-scheme: light dark; --bg: #fbfaf7; --fg: #1f1d1a; --muted: #6b665e; --rule: #e4e0d8;
  --link: #1d4ed8; --accent: #a16207; --ins-bg: #dcfce7; --ins-fg: #14532d; --del-bg: #fee2e2; --del-fg: #7f1d1d; --banner: #fef3c7; }
@media (prefers-color-scheme: dark) { :root { --bg: #161513; --fg: #ece8e1; --muted: #a39d93; --rule: #34312c;
  --link: #93c5fd; --accent: #fbbf24; --ins-bg: #14532d; --ins-fg: #dcfce7; --del-bg: #7f1d1d; --del-fg: #fee2e2; --banner: #3f3212; } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 1.1875rem/1.7 Charter, 'Iowan Old Style', 'Palatino Linotype', Georgia, serif; }
main, header.site, footer.site { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
header.site { padding-top: 2rem; font: 0.9rem/1.4 system-ui, sans-serif; color: var(--muted); display: flex; gap: 1rem; justify-content: space-between; }
header.site a { color: var(--muted); text-decoration: none; } header.site a:hover { color: var(--fg); }
footer.site { margin: 4rem auto 3rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); font: 0.85rem/1.5 system-ui, sans-serif; color: var(--muted); }
footer.site a { color: var(--muted); }
h1 { font-size: clamp(1.9rem, 5vw, 2.6rem); line-height: 1.15; margin: 0.4em 0 0.3em; letter-spacing: -0.01em; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2em 0 0.5em; } h3 { font-size: 1.25rem; margin: 1.8em 0 0.4em; } h4 { font-size: 1.05rem; margin: 1.6em 0 0.4em; }
a { color: var(--link); text-underline-offset: 0.15em; }
.kicker { font: 600 0.8rem/1.2 system-ui, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); margin-top: 2.5rem; }
.meta { font: 0.9rem/1.5 system-ui, sans-serif; color: var(--muted); margin-bottom: 2rem; }
.description { font-size: 1.15rem; color: var(--muted); }
article p { margin: 0 0 1.1em; } article blockquote { margin: 1.5em 0; padding-left: 1.2em; border-left: 3px solid var(--rule); color: var(--muted); font-style: italic; }
article pre { overflow-x: auto; padding: 1em; background: color-mix(in srgb, var(--fg) 6%, transparent); border-radius: 6px; font-size: 0.85em; }
article code { font-family: ui-monospace, 'SF Mono', Menlo, monospace; font-size: 0.88em; }
article hr { border: 0; text-align: center; margin: 2.5em 0; } article hr::after { content: '⁂'; color: var(--muted); }
.banner { font: 0.95rem/1.5 system-ui, sans-serif; background: var(--banner); padding: 0.8rem 1rem; border-radius: 6px; margin: 1.5rem 0; }
ol.parts { list-style: none; padding: 0; margin: 2rem 0; } ol.parts li { padding: 1rem 0; border-bottom: 1px solid var(--rule); }
ol.parts a { font-size: 1.25rem; text-decoration: none; color: var(--fg); } ol.parts a:hover { color: var(--link); }
ol.parts .part { display: block; font: 600 0.78rem/1.4 system-ui, sans-serif; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
ol.parts time { display: block; font: 0.85rem/1.4 system-ui, sans-serif; color: var(--muted); }
nav.parts { display: flex; justify-content: space-between; gap: 1rem; margin: 3rem 0 1rem; font: 0.95rem/1.4 system-ui, sans-serif; }
nav.parts a { text-decoration: none; } nav.parts .next { margin-left: auto; text-align: right; }
section.versions { margin-top: 3rem; font: 0.9rem/1.5 system-ui, sans-serif; }
section.versions h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
section.versions ol { padding-left: 1.2rem; } section.versions li { margin: 0.4rem 0; } section.versions .note { color: var(--muted); }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; border-radius: 2px; }
del { background: var(--del-bg); color: var(--del-fg); border-radius: 2px; }
.diff-block { margin: 0 0 1.1em; padding-left: 0.8rem; border-left: 3px solid transparent; }
.diff-block.same { color: var(--muted); } .diff-block.added { border-color: var(--ins-fg); } .diff-block.removed { border-color: var(--del-fg); }
.diff-block.changed { border-color: var(--accent); } .diff-block.moved { border-color: var(--link); }
.diff-label { display: block; font: 600 0.72rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
`;
