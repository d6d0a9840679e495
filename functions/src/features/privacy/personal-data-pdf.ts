// Access (Art. 15): the personal-data export as a readable PDF, with the same content as the JSON document.
//
// pdfkit (MIT, maintained since 2011, pure JavaScript, no browser or native binary, Node 20+) writes each page out when
// the next begins, so the document streams at the pace its reader takes it (see `pull` below) and a person with ten
// thousand interactions never sits in memory as a whole document. Text is set in Noto Sans, embedded (subset) from the
// @fontsource/noto-sans package: pdfkit's built-in Helvetica knows only WinAnsi, so "Łukasz" or a Cyrillic name would
// come out wrong. Noto Sans ships per script, so each run of characters takes the first face that has its glyphs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PersonalData } from '@crm/common';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { fieldLabels, headings, valueLabels, yesNo, type PdfLanguage } from './personal-data-pdf-text';
import { retentionStatement } from './personal-data-retention';

const require = createRequire(import.meta.url);
const SCRIPTS = ['latin', 'latin-ext', 'cyrillic', 'greek'] as const;

interface Face {
  name: string;
  data: Buffer;
  has(codePoint: number): boolean;
}

let faces: { regular: Face[]; bold: Face[] } | null = null;

/** Read once per process (about 100 KB a face); a document embeds only the glyphs it uses. */
function loadFaces() {
  if (faces) return faces;
  const load = (weight: 400 | 700) =>
    SCRIPTS.map((script) => {
      const data = readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${script}-${weight}-normal.woff`));
      const font = fontkit.create(data) as fontkit.Font;
      return { name: `noto-${script}-${weight}`, data, has: (cp: number) => font.hasGlyphForCodePoint(cp) };
    });
  faces = { regular: load(400), bold: load(700) };
  return faces;
}

/** Splits text into runs of one face each; spaces and punctuation every face has stay with the run they are in. */
export function fontRuns(text: string, available: readonly Face[]): { face: string; text: string }[] {
  const runs: { face: string; text: string }[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const last = runs.at(-1);
    const current = last && available.find((f) => f.name === last.face);
    if (last && current?.has(cp)) {
      last.text += char;
      continue;
    }
    // A glyph no face has is drawn from the first (as its "missing glyph" box), never dropped.
    const face = available.find((f) => f.has(cp)) ?? available[0]!;
    if (last && last.face === face.name) last.text += char;
    else runs.push({ face: face.name, text: char });
  }
  return runs;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Formats stored values for people: dates in German or English, codes as words, amounts in their currency. */
export function formatter(lang: PdfLanguage) {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  // The company's local time; the zone is printed with each instant.
  const instant = new Intl.DateTimeFormat(locale, {
    day: lang === 'de' ? '2-digit' : 'numeric',
    month: lang === 'de' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
    timeZoneName: 'short',
  });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const value = (field: string, raw: unknown, record: Record<string, unknown>): string => {
    if (raw === null || raw === undefined) return '';
    if (typeof raw === 'boolean') return yesNo[lang][raw ? 0 : 1];
    if (field === 'amount' && (typeof raw === 'number' || typeof raw === 'string') && typeof record.currency === 'string') {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: record.currency }).format(Number(raw));
    }
    if (typeof raw === 'number') return number.format(raw);
    if (typeof raw === 'string') {
      if (ISO_INSTANT.test(raw)) return instant.format(new Date(raw));
      if (ISO_DATE.test(raw)) return day.format(new Date(`${raw}T00:00:00Z`));
      return valueLabels[field]?.[raw]?.[lang] ?? raw;
    }
    if (Array.isArray(raw)) return raw.map((item) => value(field, item, record)).filter(Boolean).join(', ');
    if (typeof raw === 'object') {
      return Object.entries(raw as Record<string, unknown>)
        .map(([key, inner]) => [key, value(key, inner, raw as Record<string, unknown>)])
        .filter(([, text]) => text)
        .map(([key, text]) => `${fieldLabels[key!]?.[lang] ?? key}: ${text}`)
        .join('; ');
    }
    return String(raw);
  };
  return {
    value,
    label: (field: string) => fieldLabels[field]?.[lang] ?? field,
    instant: (iso: string) => instant.format(new Date(iso)),
    count: (n: number) => number.format(n),
  };
}

type Block = (doc: PDFKit.PDFDocument) => void;

/** How many records one pull renders: enough to fill a few pages, few enough that a pull stays short. */
const RECORDS_PER_PULL = 50;

/** The document as a stream of bytes, rendered as it is read. */
export function personalDataPdf(data: PersonalData, lang: PdfLanguage): ReadableStream<Uint8Array> {
  const { regular, bold } = loadFaces();
  const f = formatter(lang);
  const name = [data.contact.firstName, data.contact.lastName].filter((part) => typeof part === 'string' && part).join(' ');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    font: null as unknown as string,
    lang: lang === 'de' ? 'de-DE' : 'en-GB',
    info: { Title: `${headings.title[lang]}: ${name}`, Creator: 'CRM for Outlook and Teams' },
    displayTitle: true,
  });
  for (const face of [...regular, ...bold]) doc.registerFont(face.name, face.data);

  const write = (text: string, options: { size: number; bold?: boolean; gap?: number; indent?: number; color?: string }) => {
    const runs = fontRuns(text, options.bold ? bold : regular);
    doc.fontSize(options.size).fillColor(options.color ?? '#000000');
    runs.forEach((run, i) => {
      doc.font(run.face).text(run.text, { continued: i < runs.length - 1, indent: i === 0 ? (options.indent ?? 0) : 0, paragraphGap: options.gap ?? 0 });
    });
  };

  let page = 1;
  doc.on('pageAdded', () => {
    page += 1;
    const { x, y } = doc;
    doc.fontSize(8).fillColor('#555555');
    doc.font(regular[0]!.name).text(`${headings.title[lang]} · ${headings.page[lang]} ${page}`, 56, 28, { lineBreak: false });
    doc.x = x;
    doc.y = y;
  });

  const section = (title: string, count?: number): Block => () => {
    doc.moveDown(0.8);
    write(count === undefined ? title : `${title} (${f.count(count)})`, { size: 13, bold: true, gap: 4 });
  };
  const line = (text: string, size = 9): Block => () => write(text, { size });
  const fields = (record: Record<string, unknown>, skip: readonly string[] = []): Block => () => {
    for (const [field, raw] of Object.entries(record)) {
      if (skip.includes(field)) continue;
      const text = f.value(field, raw, record);
      if (text) write(`${f.label(field)}: ${text}`, { size: 9, indent: 10 });
    }
  };
  const headed = (heading: string, record: Record<string, unknown>, skip: readonly string[]): Block[] => [
    () => {
      doc.moveDown(0.4);
      write(heading, { size: 10, bold: true });
    },
    fields(record, skip),
  ];
  const none = line(headings.none[lang]);
  const records = (title: string, items: readonly Record<string, unknown>[], heading: (item: Record<string, unknown>) => string, skip: readonly string[]) => [
    section(title, items.length),
    ...(items.length === 0 ? [none] : items.flatMap((item) => headed(heading(item), item, skip))),
  ];
  const text = (record: Record<string, unknown>, field: string) => f.value(field, record[field], record);
  const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');

  const blocks: Block[] = [
    () => write(headings.title[lang], { size: 18, bold: true, gap: 6 }),
    () => write(name, { size: 14, gap: 4 }),
    line(`${headings.generated[lang]} ${f.instant(data.generatedAt)}. ${headings.basis[lang]} ${headings.emptyLeftOut[lang]}`),
    section(headings.contact[lang]),
    fields(data.contact),
    section(headings.emails[lang], data.emails.length),
    ...(data.emails.length === 0 ? [none] : data.emails.map((email) => line(email))),
    section(headings.account[lang]),
    data.account ? fields(data.account) : none,
    section(headings.restriction[lang]),
    fields(data.restriction, ['contactId']),
    section(headings.processing[lang]),
    ...data.processing.map((p) =>
      line(joined(f.value('purpose', p.purpose, {}), f.value('legalBasis', p.legalBasis, {}), p.channels.length ? `${headings.channels[lang]}: ${f.value('channel', p.channels, {})}` : '')),
    ),
    section(headings.retention[lang]),
    line(retentionStatement(data.retentionPolicies, lang)),
    ...records(headings.consents[lang], data.consents, (c) => joined(text(c, 'capturedAt'), text(c, 'channel'), text(c, 'purpose'), text(c, 'action')), []),
    ...records(headings.interactions[lang], data.interactions, (i) => joined(text(i, 'occurredAt'), text(i, 'type'), text(i, 'subject')), ['subject']),
    ...records(headings.tasks[lang], data.tasks, (t) => joined(text(t, 'dueDate'), text(t, 'title')), ['title']),
    ...records(headings.opportunities[lang], data.opportunities, (o) => joined(text(o, 'name'), text(o, 'amount')), ['name']),
    ...records(headings.graphSyncItems[lang], data.graphSyncItems, (g) => joined(text(g, 'kind'), text(g, 'syncedAt')), []),
    ...records(headings.syncConflicts[lang], data.syncConflicts, (c) => text(c, 'detectedAt') || String(c.id ?? ''), []),
    ...records(headings.reads[lang], data.reads, (r) => joined(text(r, 'actorName'), text(r, 'action')), []),
  ];

  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  const ended = new Promise<void>((resolve, reject) => doc.on('end', resolve).on('error', reject));
  let next = 0;
  return new ReadableStream<Uint8Array>({
    // Renders the next records only when the reader wants more, so the bytes waiting in memory stay a few pages.
    async pull(controller) {
      const until = Math.min(blocks.length, next + RECORDS_PER_PULL);
      for (; next < until; next++) blocks[next]!(doc);
      if (next === blocks.length) {
        doc.end();
        await ended;
      } else {
        // pdfkit hands its bytes on through the stream's own queue, a tick later.
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (const chunk of chunks.splice(0)) controller.enqueue(chunk);
      if (next === blocks.length) controller.close();
    },
  });
}
