// Shows a clear message instead of a blank window when a screen fails to render.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // i18n may itself be what failed, so fall back to both languages in plain text.
    const t = (key: string, fallback: string) => (i18n.isInitialized ? i18n.t(key) : fallback);
    return (
      <div className="error-screen" role="alert">
        <h1>{t('errorScreen.title', '出错了 · Something went wrong')}</h1>
        <p>{t('errorScreen.body', '数据已保存。请重新加载。 · Your data is safe. Please reload.')}</p>
        <details>
          <summary>{t('errorScreen.details', 'Details')}</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="row-gap">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {t('errorScreen.reload', 'Reload')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.hash = '#/customers';
              this.setState({ error: null });
            }}
          >
            {t('errorScreen.home', 'Back to customers')}
          </button>
        </div>
      </div>
    );
  }
}
