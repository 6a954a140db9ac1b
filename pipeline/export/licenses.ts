/** Licences the dataset can be published under (`--license`), as Frictionless and schema.org want them. */
export interface License {
  name: string;
  title: string;
  path: string;
}

export const LICENSES: Record<string, License> = {
  'CC-BY-4.0': { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { name: 'CC-BY-SA-4.0', title: 'Creative Commons Attribution-ShareAlike 4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC0-1.0': { name: 'CC0-1.0', title: 'Creative Commons Zero 1.0 (public domain dedication)', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ODC-BY-1.0': { name: 'ODC-BY-1.0', title: 'Open Data Commons Attribution License 1.0', path: 'https://opendatacommons.org/licenses/by/1-0/' },
  'ODbL-1.0': { name: 'ODbL-1.0', title: 'Open Data Commons Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  'PDDL-1.0': { name: 'PDDL-1.0', title: 'Open Data Commons Public Domain Dedication and License 1.0', path: 'https://opendatacommons.org/licenses/pddl/1-0/' },
};

export const DEFAULT_LICENSE = 'CC-BY-4.0';

export function licenseFor(id: string): License {
  const license = LICENSES[id];
  if (!license) throw new Error(`unknown licence "${id}"; known: ${Object.keys(LICENSES).join(', ')}`);
  return license;
}
