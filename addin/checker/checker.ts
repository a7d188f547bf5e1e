// Browser checker page (no Office): placeholder until the ExcelJS-in-browser adapter lands.
const app = document.getElementById('app');
if (app) {
  const h1 = document.createElement('h1');
  h1.textContent = 'parscore — kiểm tra phụ lục kế hoạch CCHC';
  app.replaceChildren(h1);
}
