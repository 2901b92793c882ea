// The export's words in each of the app's languages, for recognising and reading back the app's own
// exports whatever language they were written in (shared/domain/import/ownExport.ts).
import { exportVocabulary, type ExportVocabulary } from '../../../shared/domain/export/vocabulary';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';

type Tree = { [key: string]: string | Tree };

/** A key's text in one locale file ("export.customer.name" → "姓名"); the key itself when missing. */
function lookup(tree: Tree): (key: string) => string {
  return (key) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : key;
  };
}

export const OWN_EXPORT_VOCABULARIES: readonly ExportVocabulary[] = [zhCN, zhTW, en].map((tree) => exportVocabulary(lookup(tree as Tree)));
