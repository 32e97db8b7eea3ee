/**
 * The repair report: one self-contained HTML file per page (inline CSS, no script, noindex) that
 * shows the raw blocks beside the rebuilt articles, marks every repair by kind, links each dropped
 * block to the copy that was kept, and puts the character accounting on top. All page text is escaped.
 */
import type { ParsedPage, Repair, RepairKind } from '@/lib/ingest/types';
import type { Overrides } from '@/lib/ingest/overrides';
import { accountPage, type BlockFate, type Fate, type Totals } from './accounting';

export interface ReportInput {
  /** The content page the report is for, as the editor knows it. */
  file: string;
  /** The page text after the front matter, and its first file line. */
  text: string;
  firstLine: number;
  page: ParsedPage;
  overrides?: Overrides;
  /** Problems with the overrides file, and warnings from reading the page. */
  problems?: string[];
  warnings?: string[];
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Label and colour of each repair kind and block fate. */
export const LEGEND: Record<RepairKind | Fate, { zh: string; en: string; color: string }> = {
  article: { zh: '进入正文', en: 'kept in an article', color: '#9aa5b1' },
  'repeat-dropped': { zh: '重复删除', en: 'repeat dropped', color: '#d64545' },
  'bleed-dropped': { zh: '串文删除', en: 'bleed removed', color: '#e8590c' },
  'column-break-joined': { zh: '断栏接续', en: 'column break joined', color: '#1c7ed6' },
  'fragment-moved': { zh: '错位归位', en: 'fragment moved', color: '#7048e8' },
  'fragment-kept': { zh: '残段保留', en: 'fragment kept', color: '#0c8599' },
  'heading-split': { zh: '标题拆分', en: 'heading split', color: '#4263eb' },
  'heading-demoted': { zh: '标题降级', en: 'heading demoted', color: '#4263eb' },
  furniture: { zh: '版面元素', en: 'furniture', color: '#868e96' },
  banner: { zh: '栏头横幅', en: 'banner', color: '#f59f00' },
  'jump-line': { zh: '转版标记', en: 'jump line', color: '#2f9e44' },
  'byline-normalized': { zh: '署名规范', en: 'byline normalized', color: '#15aabf' },
  orphan: { zh: '无主区块', en: 'orphan', color: '#d6336c' },
  override: { zh: '人工校正', en: 'editor override', color: '#212529' },
  dropped: { zh: '已删除', en: 'dropped', color: '#d64545' },
  logged: { zh: '仅记录', en: 'in the log only', color: '#2f9e44' },
  lost: { zh: '丢失', en: 'lost', color: '#c92a2a' },
};

const kindClass = (k: string) => `k-${k}`;
const linkLines = (s: string) => esc(s).replace(/line (\d+)/g, (_, n: string) => `<a href="#L${n}">line ${n}</a>`);
const fmt = (n: number) => n.toLocaleString('en-US');

function tag(kind: RepairKind): string {
  const l = LEGEND[kind];
  return `<span class="tag ${kindClass(kind)}">${esc(l.zh)} <small>${esc(l.en)}</small></span>`;
}

function totalsTable(t: Totals): string {
  const row = (label: string, en: string, n: number, blocks: number, cls = '') =>
    `<tr class="${cls}"><th>${label} <small>${en}</small></th><td>${fmt(n)}</td><td>${blocks}</td></tr>`;
  const sum = t.article + t.furniture + t.dropped + t.logged + t.lost;
  return `<table class="totals">
<thead><tr><th></th><th>字数 chars</th><th>区块 blocks</th></tr></thead>
<tbody>
${row('输入', 'input', t.input, Object.values(t.blocks).reduce((a, b) => a + b, 0), 'input')}
${row('＝ 进入正文', 'output (articles)', t.article, t.blocks.article)}
${row('＋ 版面元素', 'furniture, banners', t.furniture, t.blocks.furniture)}
${row('＋ 删除的重复', 'dropped repeats and bleeds', t.dropped, t.blocks.dropped)}
${row('＋ 仅在日志', 'other logged blocks (jump lines, orphans, replaced headlines)', t.logged, t.blocks.logged)}
${row('＋ 丢失', 'lost', t.lost, t.blocks.lost, t.lost > 0 ? 'bad' : '')}
</tbody></table>
<p class="check ${t.addsUp ? 'ok' : 'bad'}">${t.addsUp ? '✓' : '✗'} ${fmt(t.input)} = ${fmt(t.article)} + ${fmt(t.furniture)} + ${fmt(t.dropped)} + ${fmt(t.logged)} + ${fmt(t.lost)}${
    sum === t.input ? '' : ` (sum ${fmt(sum)})`
  } · ${t.lost === 0 ? '没有丢失 nothing lost' : `${t.blocks.lost} 个区块丢失 blocks lost`}</p>
<p class="fine">字数 = 区块的印刷文字（不含空白和 markdown 标记）按 Unicode 字符计；每个区块按去向计一次，接续、归位的区块计入正文。
重建后的文章共 ${fmt(t.articleText)} 字（署名规范、转版标记移出后）。
<br>Characters are a block's printed text without whitespace or markup, in code points; each block counts once, by where it went.</p>`;
}

function blockHtml(f: BlockFate, headlines: Map<string, string>): string {
  const kinds = [...new Set(f.repairs.map((r) => r.kind))];
  const main = kinds.find((k) => k !== 'override');
  const cls = main ? kindClass(main) : `f-${f.fate}`;
  const tags = kinds.map((k) => tag(k)).join(' ') + (f.fate === 'lost' ? ` <span class="tag f-lost">丢失 <small>lost</small></span>` : '');
  const notes = f.repairs
    .filter((r) => r.note)
    .map((r) => `<li>${linkLines(r.note!)}</li>`)
    .join('');
  const kept = f.keptLine ? ` <a class="kept" href="#L${f.keptLine}">→ 保留的副本 kept copy: line ${f.keptLine}</a>` : '';
  const to = f.placement
    ? `<a class="to" href="#${aid(f.placement.articleId, f.placement.part)}">→ ${esc(headlines.get(f.placement.articleId) ?? f.placement.articleId)}${
        typeof f.placement.part === 'number' ? ` ¶${f.placement.part + 1}` : f.placement.part === 'byline' ? ' · 署名' : ' · 标题'
      }</a>`
    : '';
  return `<div class="blk ${cls} fate-${f.fate}${f.repairs.some((r) => r.kind === 'override') ? ' overridden' : ''}" id="L${f.block.line}">
<div class="bh"><a class="ln" href="#L${f.block.line}">${f.block.line}</a>${tags}${kept}${to}<span class="cc">${f.chars}</span></div>
<pre class="txt">${esc(f.block.raw)}</pre>${notes ? `<ul class="notes">${notes}</ul>` : ''}
</div>`;
}

const aid = (id: string, part?: 'head' | 'byline' | number) => (part === undefined || part === 'head' ? `A-${id}` : `A-${id}-${part}`);

function articlesHtml(page: ParsedPage, fates: BlockFate[]): string {
  const sources = new Map<string, BlockFate[]>();
  for (const f of fates) {
    if (!f.placement) continue;
    const key = aid(f.placement.articleId, f.placement.part);
    sources.set(key, [...(sources.get(key) ?? []), f]);
  }
  const src = (key: string) =>
    (sources.get(key) ?? [])
      .map((f) => {
        const k = f.repairs.find((r) => r.kind !== 'override')?.kind;
        return `<a class="src ${k ? kindClass(k) : ''}" href="#L${f.block.line}" title="${k ? esc(LEGEND[k].en) : 'line'}">${f.block.line}</a>`;
      })
      .join('');
  return page.articles
    .map((a) => {
      const by = a.bylines.map((b) => esc(`${b.role}${b.role ? ' ' : ''}${b.names.join(' ')}`)).join('　');
      const jump = [a.continuedFrom ? `上接${a.continuedFrom.fromPage}版` : '', a.jump ? `下转${a.jump.toPage}版` : ''].filter(Boolean).join(' · ');
      const body = a.body
        .map((b, i) =>
          b.type === 'h'
            ? `<h4 id="${aid(a.id, i)}">${esc(b.text)}<span class="srcs">${src(aid(a.id, i))}</span></h4>`
            : `<p id="${aid(a.id, i)}"><span class="srcs">${src(aid(a.id, i))}</span>${esc(b.text)}</p>`,
        )
        .join('\n');
      return `<article id="${aid(a.id)}">
<div class="ameta"><code>${esc(a.id)}</code> · ${esc(a.kind)}${jump ? ` · ${esc(jump)}` : ''}<span class="srcs">${src(aid(a.id))}</span></div>
${a.kicker ? `<p class="kicker">${esc(a.kicker)}</p>` : ''}<h3>${esc(a.headline)}</h3>${a.subheadline ? `<p class="deck">${esc(a.subheadline)}</p>` : ''}
${by ? `<p class="by" id="${aid(a.id, 'byline')}">${by}<span class="srcs">${src(aid(a.id, 'byline'))}</span></p>` : ''}
${body}
</article>`;
    })
    .join('\n');
}

function overridesHtml(ov: Overrides | undefined, repairs: Repair[], problems: string[]): string {
  const applied = repairs.filter((r) => r.kind === 'override');
  if (!ov?.rules.length && problems.length === 0) return '';
  const rows = applied.map((r) => `<li><a href="#L${r.line}">line ${r.line}</a> ${esc(r.note ?? '')}</li>`).join('');
  const bad = problems.map((p) => `<li class="bad">${esc(p)}</li>`).join('');
  return `<section class="box ov"><h2>人工校正 <small>Overrides${ov?.file ? ` · ${esc(ov.file)}` : ''}: ${applied.length} applied</small></h2><ul>${rows}${bad}</ul></section>`;
}

const CSS = `
:root{--ink:#1d2125;--muted:#5c6670;--line:#e3e6ea;--paper:#fbfaf7;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
*{box-sizing:border-box}body{margin:0;background:var(--paper);color:var(--ink);font-size:14px;line-height:1.6}
header.top{padding:20px 28px 8px;border-bottom:3px double #b03a2e;background:#fff}
header.top h1{margin:0;font:700 22px/1.3 "Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif}
header.top h1 small,h2 small,th small,.tag small{font-weight:400;color:var(--muted);font-size:.78em}
.sub{margin:4px 0 0;color:var(--muted)}
.summary{display:grid;grid-template-columns:minmax(320px,460px) 1fr;gap:20px;padding:16px 28px}
.box{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px}
.box h2{margin:0 0 8px;font-size:15px}
table.totals{border-collapse:collapse;width:100%}table.totals th,table.totals td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:right;font-variant-numeric:tabular-nums}
table.totals th{text-align:left;font-weight:500}table.totals thead th{white-space:nowrap;text-align:right}table.totals tr.input th,table.totals tr.input td{font-weight:700;border-bottom:2px solid var(--ink)}
tr.bad td,tr.bad th{color:#c92a2a;font-weight:700}
.check{margin:8px 0 4px;font-weight:700;font-variant-numeric:tabular-nums}.check.ok{color:#2b8a3e}.check.bad{color:#c92a2a}
.fine{margin:4px 0 0;color:var(--muted);font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.kinds{margin:10px 0 0;color:var(--muted)}
.tag{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;line-height:20px;color:#fff;background:var(--c,#9aa5b1);white-space:nowrap}
.tag small{color:rgba(255,255,255,.85)}
.summary>.ov{grid-column:1/-1}.ov ul,.warn ul{margin:0;padding-left:18px}.ov li.bad,.warn li{color:#c92a2a}
/* Two columns that scroll on their own, so a raw block and the article it went to can be seen together. */
.cols{display:grid;grid-template-columns:1fr 1fr;gap:20px;padding:0 28px;height:100vh}
.cols>section{overflow-y:auto;padding:0 8px 40px 0}
.cols>section>h2{position:sticky;top:0;background:var(--paper);margin:0;padding:10px 0;font-size:15px;z-index:1;border-bottom:1px solid var(--line)}
.blk{border-left:5px solid var(--c,#9aa5b1);background:#fff;margin:8px 0;padding:4px 10px 6px;border-radius:0 4px 4px 0;scroll-margin-top:48px}
.blk:target{outline:3px solid #ffd43b}
.bh{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:12px;color:var(--muted)}
.ln{font:600 12px ui-monospace,monospace;color:var(--ink);text-decoration:none;min-width:2.6em}
.cc{margin-left:auto;font-variant-numeric:tabular-nums}.cc::after{content:" 字"}
.kept{color:#c92a2a;font-weight:600}.to{color:var(--muted)}
.txt{margin:2px 0 0;white-space:pre-wrap;word-break:break-all;font:inherit}
.fate-dropped .txt{text-decoration:line-through;text-decoration-color:rgba(214,69,69,.55);color:#8a8f94}
.fate-furniture .txt,.fate-logged .txt{color:#6b7177}
.fate-lost{background:#fff0f0}
.overridden{box-shadow:inset 0 0 0 1px #212529}
.notes{margin:2px 0 0;padding-left:18px;font-size:12px;color:var(--muted)}
article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 16px;margin:8px 0;scroll-margin-top:48px}
article:target,article p:target,article h4:target{outline:3px solid #ffd43b}
article h3{margin:2px 0;font:700 19px/1.4 "Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif}
.kicker,.deck{margin:0;color:#444;font-family:"Noto Serif CJK SC","Songti SC",serif}.deck{font-size:15px}
.ameta{font-size:12px;color:var(--muted)}.by{margin:4px 0;color:#b03a2e;font-size:13px}
article p{margin:6px 0;text-indent:2em}article h4{margin:10px 0 4px;font-size:15px}
.srcs{float:right;margin-left:6px;text-indent:0}
.src{display:inline-block;font:11px/16px ui-monospace,monospace;padding:0 4px;margin-left:2px;border-radius:3px;background:#eef0f2;color:var(--ink);text-decoration:none;border-bottom:2px solid var(--c,#9aa5b1)}
a{color:#1c5fb0}
`;

function kindCss(): string {
  return Object.entries(LEGEND)
    .map(([k, v]) => `.${kindClass(k)},.f-${k}{--c:${v.color}}`)
    .join('\n');
}

/** How many of the least certain decisions the report lists first. */
const CHECK_FIRST = 12;

const CHOICE_ZH: Record<string, string> = {
  article: '开新文章 opens an article',
  banner: '通栏标语 banner',
  subhead: '小标题 subhead',
  joined: '接续 joined',
  apart: '不接续 left apart',
  kicker: '拆出引题 kicker split off',
  headline: '整行为主题 one headline',
};

/** The model's least certain decisions, least certain first: where an editor looks first. */
function decisionsHtml(page: ReportInput['page']): string {
  const ds = (page.decisions ?? []).slice(0, CHECK_FIRST);
  if (ds.length === 0) return '';
  const rows = ds
    .map(
      (d) =>
        `<li><a href="#L${d.line}">L${d.line}</a> ${esc(CHOICE_ZH[d.choice] ?? d.choice)} <b>${Math.round(d.confidence * 100)}%</b>${d.note ? ` <small>${esc(d.note)}</small>` : ''}</li>`,
    )
    .join('');
  return `<section class="box"><h2>先核查 <small>Check first: the least certain decisions</small></h2><ol class="check">${rows}</ol></section>`;
}

export function renderReport(input: ReportInput): string {
  const { page } = input;
  const { fates, totals } = accountPage(input.text, page, input.firstLine);
  const headlines = new Map(page.articles.map((a) => [a.id, a.headline]));
  const m = page.meta;
  const used = Object.entries(totals.repairsByKind)
    .map(([k, n]) => `${tag(k as RepairKind)}<b>×${n}</b>`)
    .join(' ');
  const legend = (Object.keys(LEGEND) as (keyof typeof LEGEND)[])
    .filter((k) => !['dropped', 'logged'].includes(k))
    .map((k) => `<li>${k === 'article' || k === 'lost' ? `<span class="tag f-${k}">${esc(LEGEND[k].zh)} <small>${esc(LEGEND[k].en)}</small></span>` : tag(k as RepairKind)}</li>`)
    .join('');
  const warnings = [...(input.warnings ?? [])];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>修复报告 ${esc(m.date)} 第${m.page}版 ${esc(m.pageName)}</title>
<style>${CSS}${kindCss()}</style></head>
<body>
<header class="top"><h1>修复报告 <small>Repair report</small></h1>
<p class="sub">${esc(m.paper)} · ${esc(m.date)} · 第${m.page}版 ${esc(m.pageName)} · <code>${esc(input.file)}</code> · ${page.articles.length} 篇文章 articles · ${page.repairs.length} 处修复 repairs</p></header>
<div class="summary">
<section class="box"><h2>字数核对 <small>Character accounting</small></h2>${totalsTable(totals)}</section>
<section class="box"><h2>图例 <small>Legend</small></h2><ul class="legend">${legend}</ul>
<p class="kinds">本版修复 <small>repairs on this page</small>：${used || '无 none'}</p>
${warnings.length ? `<div class="warn"><h2>提示 <small>Warnings</small></h2><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''}
</section>
${decisionsHtml(page)}
${overridesHtml(input.overrides, page.repairs, input.problems ?? [])}
</div>
<div class="cols">
<section><h2>原始区块 <small>Raw blocks, in page order (line in ${esc(input.file)})</small></h2>
${fates.map((f) => blockHtml(f, headlines)).join('\n')}
</section>
<section><h2>重建的文章 <small>Rebuilt articles (numbers: the raw lines each part came from)</small></h2>
${articlesHtml(page, fates)}
</section>
</div>
</body></html>
`;
}
