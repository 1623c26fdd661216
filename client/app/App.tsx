import { BoardPage } from '../board/BoardPage.tsx'
import { HomePage } from '../home/HomePage.tsx'
import { useRoute } from './useRoute.ts'

export function App() {
  const [route, navigate] = useRoute()
  switch (route.name) {
    case 'home':
      return <HomePage navigate={navigate} />
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} navigate={navigate} />
    case 'notFound':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            <a href="/">Go to your boards</a>
          </p>
        </main>
      )
  }
}
