// The checker's form as the server draws it, standing where the form will be once it loads, so
// nothing below moves when it arrives: a form growing out of a one-line placeholder shifted the
// page under a reader scrolling past it. It is inert until then, so nothing can be typed into it
// that the loaded form would drop. The client bundle gets ./FormPreview.browser instead
// (plugins/first-load-plugin.ts), and the form's code still loads only when the reader nears it.
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { CheckerData, Locale, ValidatorModule } from '@site/src/checker/types';
import CheckerForm from './CheckerForm';
import en from './form.en.json';
import { setFormMessages } from './formTranslate';

// The form as it first appears flags nothing (an empty field only after a check is asked for),
// so it is drawn without the provider's rules.
const noRules: ValidatorModule = { rules: {}, personalDomains: {} };

export default function FormPreview({ data }: { data: CheckerData }) {
  const locale = useDocusaurusContext().i18n.currentLocale as Locale;
  setFormMessages(locale === 'en' ? en : {});
  return (
    <div data-checker-preview={data.id} inert>
      <CheckerForm data={data} rules={noRules} />
    </div>
  );
}
