import '../../components/theme.css';
import { render } from 'preact';
import { ActivityLog } from '../../components/ActivityLog';
import { ApiKeySettings } from '../../components/ApiKeySettings';

render(
  <main class="options">
    <h1>Stripe Actions for Helpdesks</h1>
    <ApiKeySettings />
    <ActivityLog />
  </main>,
  document.getElementById('app')!,
);
