#!/usr/bin/env python3
"""Prints the folder dependency edges of src/ProcMan.Core and every cycle among them.

Namespaces follow top-level folders (Configuration/Yaml is ProcMan.Configuration), so a folder
depends on another when one of its files has `using ProcMan.Other`, `ProcMan.Other.` or a
qualified `Other.Type` (crefs included). Usage: .ci/folder-cycles.py [src/ProcMan.Core]"""
import os,re,sys,itertools
root=sys.argv[1] if len(sys.argv) > 1 else "src/ProcMan.Core"
folders=[d for d in os.listdir(root) if os.path.isdir(os.path.join(root,d)) and d not in('bin','obj')]
edges={}
for f in folders:
    for dp,_,fs in os.walk(os.path.join(root,f)):
        if '/obj' in dp or '/bin' in dp: continue
        for n in fs:
            if not n.endswith('.cs'): continue
            s=open(os.path.join(dp,n)).read()
            for g in folders:
                if g==f: continue
                if re.search(r'using ProcMan\.'+g+r'\b',s) or re.search(r'(?<![\w.])'+g+r'\.[A-Z]',s) or re.search(r'ProcMan\.'+g+r'\.',s):
                    edges.setdefault((f,g),[]).append(n)
adj={}
for (a,b) in edges: adj.setdefault(a,set()).add(b)
# find all simple cycles (small graph)
cycles=set()
def dfs(start,node,path):
    for nxt in adj.get(node,()):
        if nxt==start: cycles.add(tuple(path))
        elif nxt not in path and nxt>start: dfs(start,nxt,path+[nxt])
for s in folders: dfs(s,s,[s])
for a,b in sorted(edges): print(f"{a} -> {b}: {', '.join(sorted(set(edges[(a,b)])))}")
print("CYCLES:")
for c in sorted(cycles,key=len): print(" -> ".join(c+(c[0],)))
sys.exit(1 if cycles else 0)
