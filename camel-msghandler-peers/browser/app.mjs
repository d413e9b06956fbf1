// the browser page's module; see index.html
