// The settings' "Satisfaction survey" section (container): the survey asked now, its questions saved through the owner
// gate (changed questions are a new version: the survey repository's saveSurvey).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestions } from '../../../shared/domain/surveyRecords';
import { surveys } from '../../db';
import { useCurrentSurvey } from '../../db/surveyHooks';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { SurveyEditorView, type SurveyEditorSave } from './SurveyEditorView';

export function SurveyEditorSection() {
  const { t } = useTranslation();
  const current = useCurrentSurvey();
  const gate = useOwnerGate();
  // What every customer is asked: the owner's, as the store's other rules.
  const { locked } = usePermission('rules.change');
  const [save, setSave] = useState<SurveyEditorSave>({ phase: 'idle' });

  if (!current) return null;

  const onSave = (questions: SurveyQuestions) =>
    gate.run(
      'rules.change',
      () => {
        setSave({ phase: 'idle' });
        void (async () => {
          const saved = await surveys.saveSurvey(questions);
          // The view checked the questions; a refusal here is a bug, said as a failure.
          if (!saved.ok) throw new Error(`survey questions refused: ${saved.reason}`);
          setSave({ phase: 'saved', newVersion: saved.value.kind === 'new' ? saved.value.version.version : null });
        })().catch((error: unknown) => {
          console.error(error);
          setSave({ phase: 'failed' });
        });
      },
      t('satisfaction.editor.purpose'),
    );

  return <SurveyEditorView current={current} locked={locked} save={save} onSave={onSave} onEdited={() => setSave({ phase: 'idle' })} />;
}
