package terms
import ("fmt";"os";"strings";"testing";"regexp")
func TestDbg(t *testing.T){
 b,_:=os.ReadFile("../../testdata/gov-work-reports-2024.txt")
 c:=newCounter(t)
 title:=regexp.MustCompile(`^\d+\.\S*政府工作报告$`)
 id:=""; var lines []string
 for _,l:=range strings.Split(string(b),"\n"){
  if title.MatchString(strings.TrimSpace(l)){ if id!=""{c.Add(id,lines)}; id=strings.TrimSpace(l); lines=nil; continue}
  lines=append(lines,l)
 }
 c.Add(id,lines)
 top:=c.Top(25)
 for _,k:=range []string{"1.政府工作报告","2.北京市政府工作报告","26.云南省政府工作报告"}{
  fmt.Println(k); for _,x:=range top[k]{fmt.Printf("%s/%s:%d:%.0f ",x.Term,x.POS,x.Count,x.TFIDF)}; fmt.Println()}
 fmt.Println(len(top))
}
