// Entry of the standalone preview page that `npm start` serves at /addin/.
import { createRoot } from 'react-dom/client';
import { PreviewMailbox } from './preview/PreviewMailbox';

createRoot(document.getElementById('root')!).render(<PreviewMailbox apiBaseUrl={location.origin} />);
