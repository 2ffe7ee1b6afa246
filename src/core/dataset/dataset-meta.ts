import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import { parseDarknetData, type DarknetData } from './darknet-data.js';
import { readDataYaml, type DataYaml } from './data-yaml.js';
import { DARKNET_DATA_NAME, DATA_YAML_NAMES, dirname, extname, isYamlPath, withoutExtension } from './paths.js';

/** A description file with the folder (relative to the root) its relative paths start from. */
export interface MetaFile<T> {
  /** As shown to the user (relative to the root, or the --data-yaml path). */
  file: string;
  /** Root-relative folder of the file; `..` segments when it lies outside the root. */
  dir: string;
  data: T;
}

export interface DatasetMeta {
  yaml?: MetaFile<DataYaml>;
  darknet?: MetaFile<DarknetData>;
  findings: Finding[];
}

export interface MetaInput {
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
  /** Name of the root folder (Ultralytics prefers the YAML named after it). */
  rootName: string;
  /** `--data-yaml FILE`: replaces the search at the root. */
  dataYaml?: { file: string; dir: string; text: string };
}

/**
 * The dataset's description files. The dataset YAML is `--data-yaml`, else the one YAML at the root
 * that describes a dataset (names, nc, path, kpt_shape or a split key); with several, data.yaml /
 * data.yml / dataset.yaml, then the one named after the root folder (as Ultralytics'
 * `find_dataset_yaml`). The darknet file is obj.data, else the one `.data` file at the root.
 */
export function datasetMeta(input: MetaInput): DatasetMeta {
  const findings: Finding[] = [];
  const meta: DatasetMeta = { findings };
  const yaml = input.dataYaml ? overrideYaml(input.dataYaml) : rootYaml(input);
  if (yaml) meta.yaml = yaml;
  const darknet = rootDarknet(input, findings);
  if (darknet) meta.darknet = darknet;
  return meta;
}

function overrideYaml(given: NonNullable<MetaInput['dataYaml']>): MetaFile<DataYaml> {
  const data = readDataYaml(given.text, given.file);
  if (!data) throw notADataset(given.file);
  return { file: given.file, dir: given.dir, data };
}

function notADataset(file: string): YwError {
  return new YwError('DATA_YAML_INVALID', `${file} does not describe a dataset (no names, path, train, val or test key)`, {
    file,
    hint: 'a dataset YAML is a mapping such as names: [class0, class1] with train: and val: entries; pass the one Ultralytics trains from',
  });
}

function rootYaml(input: MetaInput): MetaFile<DataYaml> | undefined {
  const found: MetaFile<DataYaml>[] = [];
  for (const file of input.files) {
    if (file.includes('/') || !isYamlPath(file)) continue;
    const data = readDataYaml(input.texts.get(file) ?? '', file);
    if (data) found.push({ file, dir: '', data });
    else if ((DATA_YAML_NAMES as readonly string[]).includes(file)) throw notADataset(file); // named data.yaml: meant as one
  }
  if (found.length <= 1) return found[0];
  const preferred = DATA_YAML_NAMES.map((name) => found.find((y) => y.file === name)).find((y) => y !== undefined)
    ?? onlyOne(found.filter((y) => withoutExtension(y.file) === input.rootName));
  if (preferred) return preferred;
  throw new YwError('DATA_YAML_AMBIGUOUS', `several dataset YAML files at the root: ${found.map((y) => y.file).join(', ')}`, {
    hint: 'name the one to read with --data-yaml FILE',
  });
}

function rootDarknet(input: MetaInput, findings: Finding[]): MetaFile<DarknetData> | undefined {
  const found: MetaFile<DarknetData>[] = [];
  for (const file of input.files) {
    if (file.includes('/') || extname(file) !== '.data') continue;
    const data = parseDarknetData(input.texts.get(file) ?? '');
    if (data) found.push({ file, dir: dirname(file), data });
  }
  const chosen = found.find((d) => d.file === DARKNET_DATA_NAME) ?? found[0];
  if (chosen && found.length > 1) {
    findings.push(finding('DARKNET_DATA_SEVERAL', 'warning', `${found.length} darknet .data files at the root; ${chosen.file} is read, ${found.filter((d) => d !== chosen).map((d) => d.file).join(', ')} not`, {
      hint: 'remove the .data files that do not describe this dataset',
    }));
  }
  return chosen;
}

function onlyOne<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}
