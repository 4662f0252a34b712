import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/http';
import { ERROR_CODES } from '../api/errorCodes';
import { useI18n } from '../i18n/I18nProvider';

/** The customer's answer to the satisfaction survey, sent with the one-time token of the session's end. */
export const surveyApi = {
  answer: (token: string, rating: number, comment: string) =>
    request<void>('POST', `/surveys/${encodeURIComponent(token)}`, comment.trim() ? { rating, comment } : { rating }),
};

export const MAX_SURVEY_COMMENT = 1000;
const RATINGS = [1, 2, 3, 4, 5] as const;

type Stage = 'asking' | 'sending' | 'thanked' | 'answered' | 'expired' | 'skipped';

interface Props {
  token: string;
}

/**
 * "How did it go?" after a session whose portal asks (docs/surveys.md): 1 to 5 and an optional
 * comment, answered once; the customer may skip it.
 */
export function SurveyForm({ token }: Props) {
  const { t } = useI18n();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [stage, setStage] = useState<Stage>('asking');
  const [error, setError] = useState<string | null>(null);

  if (stage === 'skipped') return null;
  if (stage === 'thanked' || stage === 'answered' || stage === 'expired') {
    return (
      <p class="survey survey--done" role="status" data-testid="survey-done" data-stage={stage}>
        {t(`join.survey.${stage}`)}
      </p>
    );
  }

  const send = (e: Event) => {
    e.preventDefault();
    if (rating === null) {
      setError(t('join.survey.pickRating'));
      return;
    }
    setStage('sending');
    setError(null);
    surveyApi
      .answer(token, rating, comment)
      .then(() => setStage('thanked'))
      .catch((failure) => {
        if (failure instanceof ApiError && failure.code === ERROR_CODES.SURVEY_ANSWERED.code) setStage('answered');
        else if (failure instanceof ApiError && failure.code === ERROR_CODES.SURVEY_NOT_FOUND.code) setStage('expired');
        else {
          setStage('asking');
          setError(failure instanceof ApiError && failure.isNetwork ? t('errors.network') : t('errors.generic'));
        }
      });
  };

  return (
    <form class="survey" data-testid="survey" onSubmit={send} noValidate>
      <h2 class="survey__title" id="survey-title">
        {t('join.survey.title')}
      </h2>
      <div class="survey__ratings" role="radiogroup" aria-labelledby="survey-title">
        {RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={rating === value}
            class={`survey__rating${rating === value ? ' survey__rating--chosen' : ''}`}
            data-testid={`survey-rating-${value}`}
            title={t(`join.survey.rating${value}`)}
            onClick={() => setRating(value)}
          >
            {value}
          </button>
        ))}
      </div>
      <p class="survey__scale" aria-hidden="true">
        <span>{t('join.survey.rating1')}</span>
        <span>{t('join.survey.rating5')}</span>
      </p>
      <label class="field">
        <span class="field__label">{t('join.survey.comment')}</span>
        <textarea
          name="surveyComment"
          data-testid="survey-comment"
          rows={3}
          maxLength={MAX_SURVEY_COMMENT}
          value={comment}
          onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="survey__actions">
        <button type="submit" class="btn btn--primary" data-testid="survey-send" disabled={stage === 'sending'}>
          {stage === 'sending' ? t('join.sending') : t('join.send')}
        </button>
        <button type="button" class="btn btn--secondary" data-testid="survey-skip" onClick={() => setStage('skipped')}>
          {t('join.survey.skip')}
        </button>
      </div>
    </form>
  );
}
