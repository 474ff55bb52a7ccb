// The page's first script: loads the page (app.js, and with it lib's bundle dawstamps.js). Should
// that fail — a file missing, or one from another deploy that does not fit — index.html's message
// says so instead of a page that silently does nothing.
import('./app.js').catch(() => {
  const message = document.getElementById('load-failed');
  if (message) message.hidden = false;
  // the drop zone would do nothing: dropping a file would only open it in the browser
  const pick = document.getElementById('pick');
  if (pick) pick.hidden = true;
});
