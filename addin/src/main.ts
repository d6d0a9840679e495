// Entry point of the Outlook task pane page.
import { renderPlaceholder } from './placeholder';

renderPlaceholder(document.getElementById('root')!, navigator.language);
