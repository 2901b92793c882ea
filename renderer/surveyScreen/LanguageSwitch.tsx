// The customer picks the screen's language: three large buttons, each in its own language.
import { SCREEN_LANGUAGES, SCREEN_TEXT, type ScreenLanguage } from './screenText';

export function LanguageSwitch({ language, onChange, label }: { language: ScreenLanguage; onChange: (language: ScreenLanguage) => void; label: string }) {
  return (
    <div className="screen-languages" role="group" aria-label={label}>
      {SCREEN_LANGUAGES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === language} onClick={() => onChange(option)}>
          {SCREEN_TEXT[option].languageName}
        </button>
      ))}
    </div>
  );
}
