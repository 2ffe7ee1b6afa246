import { describe, expect, it } from 'vitest';
import { imageShapes, type SizedImage } from '../../../src/core/dataset/convert-images.js';
import { ProfileBuilder } from '../../../src/core/dataset/profile.js';
import { summarizeProfile } from '../../../src/core/dataset/profile-summary.js';
import { finding } from '../../../src/core/findings.js';
import { ReportCollector } from '../../../src/core/html-report/collect.js';
import { cardIndex, classColour, type PageFinding, type ReportInput, type Thumbnail } from '../../../src/core/html-report/model.js';
import { MAX_FINDING_ROWS, renderReportPage } from '../../../src/core/html-report/page.js';

const classes = [{ id: 0, name: '<b>"helmet"&\'s</b>', synonyms: [] }, { id: 1, name: 'head', synonyms: [] }];
const FAKE_JPEG = 'data:image/jpeg;base64,AAAA';

/** A two-image dataset run through the real profile and collector. */
function input(findings: PageFinding[], thumbnails?: Map<string, Thumbnail>): ReportInput {
  const builder = new ProfileBuilder(classes, ['train']);
  const bad = finding('LABEL_UNKNOWN_CLASS', 'error', 'class id 7 is not in the class list', { file: 'train/labels/b.txt', line: 2, hint: 'check the classes file' });
  const collector = new ReportCollector(['train'], new Set());
  const images: [string, string, ReturnType<typeof finding>[]][] = [['a', '0 0.5 0.5 0.5 0.5\n', []], ['b', '1 0.1 0.1 0.5 0.1 0.3 0.3\n', [bad]]];
  for (const [name, labels, own] of images) {
    const image: SizedImage = { path: `train/images/${name}.jpg`, fileName: `${name}.jpg`, labelPath: `train/labels/${name}.txt`, width: 200, height: 100 };
    const { shapes } = imageShapes(labels, image, { classIds: new Set([0, 1]), boxPolygons: false });
    builder.add('train', image, shapes);
    collector.add({ split: 'train', image, shapes, findings: own });
  }
  const collected = collector.result();
  return {
    root: 'data/<x>', layout: 'split-folders', classesSource: 'classes.txt', classes, profile: summarizeProfile(builder), collected,
    thumbnails: thumbnails ?? new Map([['img-1', { dataUri: FAKE_JPEG }], ['img-2', { missing: 'BMP not decodable here' }]]),
    findings, generator: 'yw 9.9.9',
  };
}

describe('renderReportPage', () => {
  it('is self-contained: no script, no URL but data:, a CSP that forbids network access', () => {
    const html = renderReportPage(input([]));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|https?:|\bsrc=|<link/i);
    for (const url of html.match(/url\([^)]*\)/g) ?? []) expect(url).toMatch(/^url\("data:image\/jpeg;base64,/);
  });

  it('escapes every text from the dataset (class names, paths, messages)', () => {
    const html = renderReportPage(input([{ finding: finding('X', 'warning', 'a <i>b</i>', { file: 'data/<x>/f.txt' }) }]));
    expect(html).not.toContain('<b>"helmet"');
    expect(html).toContain('&lt;b&gt;&quot;helmet&quot;&amp;&#39;s&lt;/b&gt;');
    expect(html).toContain('a &lt;i&gt;b&lt;/i&gt;');
    expect(html).toContain('<title>yw check data/&lt;x&gt;</title>');
  });

  it('draws boxes and polygons in the display frame over the thumbnail, one CSS rule per thumbnail', () => {
    const html = renderReportPage(input([]));
    expect(html).toContain(`.t-img-1{background-image:url("${FAKE_JPEG}")}`);
    expect(html.match(/class="thumb t-img-1"/g)).toHaveLength(1);
    expect(html).toContain(`<svg viewBox="0 0 200 100" preserveAspectRatio="none"`);
    expect(html).toContain(`<rect x="50" y="25" width="100" height="50" stroke="${classColour(0)}">`);
    expect(html).toContain(`<polygon points="20,10 100,10 60,30" stroke="${classColour(1)}" fill="${classColour(1)}">`);
    expect(html).toContain('<span>no preview: BMP not decodable here</span>');
  });

  it('links a finding to the card of the image it names, or to the file, and lists it under that card', () => {
    const i = input([]);
    const card = cardIndex(i.collected).get('train/labels/b.txt')!;
    expect(card.id).toBe('img-2');
    const findings: PageFinding[] = [
      { finding: finding('LABEL_UNKNOWN_CLASS', 'error', 'class id 7', { file: 'data/x/train/labels/b.txt', line: 2, hint: 'h' }), href: `#${card.id}` },
      { finding: finding('IMAGE_UNREADABLE', 'error', 'not an image', { file: 'data/x/train/images/c.jpg', hint: 'h' }), href: 'data/x/train/images/c.jpg' },
      { finding: finding('CLASS_NO_BOXES', 'warning', 'no boxes') },
    ];
    const html = renderReportPage({ ...i, findings });
    expect(html).toContain('<a href="#img-2">data/x/train/labels/b.txt:2</a>');
    expect(html).toContain('<figure class="card" id="img-2">');
    expect(html).toMatch(/id="img-2">.*<li>LABEL_UNKNOWN_CLASS \(line 2\)<\/li>/s);
    expect(html).toContain('<a href="data/x/train/images/c.jpg">data/x/train/images/c.jpg</a>');
    expect(html).toMatch(/<code>CLASS_NO_BOXES<\/code><\/td><td><\/td>/);
    expect(html).toContain('<span class="sev error">2 errors</span> <span class="sev warning">1 warning</span> <span class="sev info zero">0 info</span>');
  });

  it(`lists at most ${MAX_FINDING_ROWS} findings, errors first, and says how many more`, () => {
    const many = Array.from({ length: MAX_FINDING_ROWS + 5 }, (_, n) => ({ finding: finding('W', n === MAX_FINDING_ROWS + 4 ? 'error' : 'info', `m${n}`, { hint: 'h' }) }));
    const html = renderReportPage(input(many));
    expect(html.match(/<tr class="(error|info)">/g)).toHaveLength(MAX_FINDING_ROWS);
    expect(html.indexOf('<tr class="error">')).toBeLessThan(html.indexOf('<tr class="info">'));
    expect(html).toContain('… and 5 more: run with --report FILE.json to see them all');
  });
});
