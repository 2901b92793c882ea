// The customer screen: asks main for its session, shows the survey (or a neutral thank-you idle), sends the answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenApi } from '../../shared/ipc/contract';
import type { ScreenAnswer, ScreenSession } from '../../shared/ipc/surveyScreen';
import { SCREEN_TEXT, type ScreenLanguage } from './screenText';
import { EMPTY_ANSWER, SurveyForm } from './SurveyForm';
import { LanguageSwitch } from './LanguageSwitch';

type Asking = Extract<ScreenSession, { state: 'asking' }>;

/** What the screen shows: nothing yet, the neutral idle, a survey, the thanks after one, or a survey that ended meanwhile. */
type Phase = { name: 'loading' } | { name: 'idle' } | { name: 'asking'; session: Asking } | { name: 'thanks' } | { name: 'ended' };

export function ScreenApp({ api }: { api: ScreenApi | null }) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [language, setLanguage] = useState<ScreenLanguage>('zh-CN');
  const [draft, setDraft] = useState<ScreenAnswer>(EMPTY_ANSWER);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const shownSession = useRef<string | null>(null);
  // The idle's language is the last customer's on first showing; after that, what was picked stays.
  const started = useRef(false);

  const load = useCallback(async () => {
    if (!api) return setPhase({ name: 'idle' });
    const result = await api.session();
    if (!result.ok) return;
    const session = result.value;
    const first = !started.current;
    started.current = true;
    if (first && session.state === 'idle') setLanguage(session.language);
    if (session.state === 'asking') {
      if (shownSession.current !== session.sessionId) {
        shownSession.current = session.sessionId;
        setDraft(EMPTY_ANSWER);
        setFailed(false);
        setLanguage(session.language);
        setPhase({ name: 'asking', session });
      }
      return;
    }
    shownSession.current = null;
    // After an answer (or a survey the clerk ended), the thanks stay up: the idle is a thank-you too.
    setPhase((current) => (current.name === 'thanks' || current.name === 'ended' ? current : { name: 'idle' }));
  }, [api]);

  useEffect(() => {
    void load();
    return api?.onUpdated(() => void load());
  }, [api, load]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const submit = async () => {
    if (phase.name !== 'asking' || !api || sending) return;
    setSending(true);
    setFailed(false);
    const result = await api.submit(phase.session.sessionId, draft);
    setSending(false);
    if (result.ok) {
      setPhase({ name: 'thanks' });
    } else if (result.reason === 'screen-unknown-session') {
      setPhase({ name: 'ended' });
    } else {
      setFailed(true);
    }
  };

  const text = SCREEN_TEXT[language];
  return (
    <main className="screen" aria-busy={phase.name === 'loading'}>
      <header className="screen-top">
        <LanguageSwitch language={language} onChange={setLanguage} label={text.languages} />
      </header>
      {phase.name === 'asking' ? (
        <SurveyForm
          text={text}
          questions={phase.session.questions}
          draft={draft}
          onChange={setDraft}
          onSubmit={() => void submit()}
          sending={sending}
          failed={failed}
        />
      ) : phase.name === 'loading' ? null : (
        <section className="screen-rest" aria-live="polite">
          <h1>{phase.name === 'thanks' ? text.thanksTitle : phase.name === 'ended' ? text.ended : text.idleTitle}</h1>
          <p>{phase.name === 'thanks' ? text.thanksBody : text.idleBody}</p>
        </section>
      )}
    </main>
  );
}
