// Entry point of the Teams tab pages.
import { renderPlaceholder } from './placeholder';

renderPlaceholder(document.getElementById('root')!, navigator.language);
